using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace FirstLine.Bot.Storage;

/// <summary>
/// "Contains, ignoring case" that both databases translate: SQLite's <c>LIKE</c> ignores (ASCII) case by itself,
/// PostgreSQL's does not, so there it is <c>ILIKE</c>. Search terms are escaped, so <c>%</c> and <c>_</c> match
/// themselves.
/// </summary>
public sealed class TextSearch
{
    private static readonly TextSearch Like = new(ignoreCaseOperator: false);
    private static readonly TextSearch ILike = new(ignoreCaseOperator: true);

    private readonly bool ignoreCaseOperator;

    private TextSearch(bool ignoreCaseOperator) => this.ignoreCaseOperator = ignoreCaseOperator;

    public static TextSearch For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.IsNpgsql() ? ILike : Like;
    }

    /// <summary>A filter: any of <paramref name="fields"/> contains <paramref name="text"/>, ignoring case.</summary>
    public Expression<Func<T, bool>> ContainsIgnoringCase<T>(string text, params Expression<Func<T, string?>>[] fields)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fields);
        var pattern = "%" + Escape(text) + "%";
        Expression<Func<string?, bool>> matches = ignoreCaseOperator
            ? value => EF.Functions.ILike(value!, pattern, "\\")
            : value => EF.Functions.Like(value, pattern, "\\");
        var row = Expression.Parameter(typeof(T), "row");
        var any = fields
            .Select(field => Substitute(matches, Substitute(field, row)))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<T, bool>>(any, row);
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>The body of <paramref name="lambda"/> with its one parameter replaced by <paramref name="argument"/>.</summary>
    private static Expression Substitute(LambdaExpression lambda, Expression argument) =>
        new ParameterReplacer(lambda.Parameters[0], argument).Visit(lambda.Body);

    private sealed class ParameterReplacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
