using FirstLine.Dialogs.Support.Desk;
using FirstLine.KnowledgeBase.Language;
using FirstLine.KnowledgeBase.Search;

namespace FirstLine.Dialogs.Support.Conversation;

/// <summary>What the support dialogs work with, handed to each of them once.</summary>
internal sealed record SupportServices(IKnowledgeBase KnowledgeBase, ITextAnalyzer Analyzer, ISupportDesk Desk, SupportOptions Options);
