using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FirstLine.Bot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class SlaClocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EmailFollowUpOfferedAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FirstResponseBreachedAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FirstResponseWarnedAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PendingReminderSentAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResolutionBreachedAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResolutionWarnedAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "SlaPausedFor",
                table: "Tickets",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeSpan(0, 0, 0, 0, 0));

            migrationBuilder.AddColumn<long>(
                name: "SlaPausedSince",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SlaStartedAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EmailFollowUpOfferedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "FirstResponseBreachedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "FirstResponseWarnedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "PendingReminderSentAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ResolutionBreachedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ResolutionWarnedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaPausedFor",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaPausedSince",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaStartedAt",
                table: "Tickets");
        }
    }
}
