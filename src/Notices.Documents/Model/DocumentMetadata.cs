namespace Notices.Documents.Model;

/// <summary>What a file's properties show (DOCX core properties, PDF info dictionary).</summary>
/// <param name="Title">The document's title, e.g. 关于2021年上半年…考核情况的通报.</param>
/// <param name="Subject">What it is about, e.g. 2021年上半年居住小区管理工作考核.</param>
/// <param name="Author">The issuing office.</param>
/// <param name="Keywords">Search keywords.</param>
/// <param name="Draft">True for a draft for comment: every page is marked 征求意见稿.</param>
public sealed record DocumentMetadata(
    string Title,
    string Subject,
    string Author,
    IReadOnlyList<string> Keywords,
    bool Draft);
