using System.ComponentModel.DataAnnotations;

namespace Gather.Api.Authentication;

/// <summary>Browser sessions started with an API key at <c>POST /session</c> (<c>Gather:Sessions</c>).</summary>
public sealed class SessionOptions
{
    public const string Section = "Gather:Sessions";

    /// <summary>How long a session lasts from sign-in; then the person signs in again.</summary>
    [Range(1, 43_200)]
    public int LifetimeMinutes { get; set; } = 480;
}
