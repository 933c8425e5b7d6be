namespace Gather.Infrastructure.Security;

/// <summary>
/// Files that hold a team's data or the keys protecting its secrets (the SQLite database and
/// its journals, the Data Protection key ring) are readable by their owner only: 0600 files
/// in 0700 directories on Unix. New ones are created with that mode, so no byte is ever
/// written to a world-readable file; existing ones are tightened when Gather starts. Windows
/// files inherit their directory's ACL and are left alone.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates <paramref name="path"/> empty with <see cref="FileMode"/> unless it exists; tightens it if it does.</summary>
    public static void CreateOrTighten(string path)
    {
        if (OperatingSystem.IsWindows())
            return;
        try
        {
            using var created = new FileStream(path, new FileStreamOptions
            {
                Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileMode,
            });
        }
        catch (IOException) when (File.Exists(path))
        {
            // It exists (or another opener created it first): tightened below.
        }
        Tighten(path);
    }

    /// <summary>Takes group and other permissions off an existing file; a missing file is fine.</summary>
    public static void Tighten(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path))
            return;
        var mode = File.GetUnixFileMode(path);
        if ((mode & ~FileMode) != 0)
            File.SetUnixFileMode(path, mode & FileMode);
    }

    /// <summary>Creates <paramref name="path"/> with <see cref="DirectoryMode"/>, or tightens it, and every file directly in it.</summary>
    public static void CreateOrTightenDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        Directory.CreateDirectory(path, DirectoryMode);
        if ((File.GetUnixFileMode(path) & ~DirectoryMode) != 0)
            File.SetUnixFileMode(path, DirectoryMode);
        foreach (var file in Directory.EnumerateFiles(path))
            Tighten(file);
    }
}
