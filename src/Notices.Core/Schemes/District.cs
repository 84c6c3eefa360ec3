namespace Notices.Core.Schemes;

/// <summary>
/// A district (区/县) whose government issues one bulletin to its street offices.
/// </summary>
/// <param name="Id">A short ASCII-safe id used in paths and commands, e.g. "shili".</param>
/// <param name="Name">The district's name, e.g. 示例区.</param>
/// <param name="Government">The issuing government, e.g. 示例区人民政府.</param>
/// <param name="Addresses">The government's mail addresses.</param>
/// <param name="Bulletin">What its bulletins print besides the scores.</param>
public sealed record District(
    string Id,
    string Name,
    string Government,
    IReadOnlyList<string> Addresses,
    BulletinSettings Bulletin,
    IReadOnlyList<Unit> Units);
