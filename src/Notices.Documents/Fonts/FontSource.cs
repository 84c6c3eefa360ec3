namespace Notices.Documents.Fonts;

/// <summary>Where the face serving a role was found.</summary>
public enum FontSource
{
    /// <summary>The font folder named in the settings.</summary>
    Configured,

    /// <summary>A system font folder, with a face of the role's own class.</summary>
    System,

    /// <summary>A stand-in face (Song for 小标宋 or 仿宋, or a Debian fallback package).</summary>
    Fallback,
}
