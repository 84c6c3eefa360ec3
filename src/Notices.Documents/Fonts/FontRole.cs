namespace Notices.Documents.Fonts;

/// <summary>
/// The typefaces an official document uses (GB/T 9704-2012 §7.3): each role is served by one
/// resolved face.
/// </summary>
public enum FontRole
{
    /// <summary>The title, 小标宋-class (a Song face stands in when none is installed).</summary>
    Title,

    /// <summary>Body text and 1. headings, 仿宋-class (a Song face stands in).</summary>
    Body,

    /// <summary>一、 headings, 黑体.</summary>
    Hei,

    /// <summary>（一） headings, 楷体.</summary>
    Kai,
}
