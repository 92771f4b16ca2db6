using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FirstLine.Bot.Storage.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class DirectLineSequenceCounter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "NextSequence",
                table: "DirectLineConversations",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Conversations that already have a log continue after their last activity.
            migrationBuilder.Sql(
                """
                UPDATE "DirectLineConversations" SET "NextSequence" = COALESCE(
                    (SELECT MAX(a."Sequence") + 1 FROM "DirectLineActivities" a WHERE a."ConversationId" = "DirectLineConversations"."Id"), 0);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NextSequence",
                table: "DirectLineConversations");
        }
    }
}
