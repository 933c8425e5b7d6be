namespace Gather.Api.Authentication;

/// <summary>A cookie-authenticated request that could change something came from a page on another site.</summary>
public sealed class CrossSiteRequestException() : Exception(
    "This request carries a session cookie but no Origin header naming this server; only Gather's own pages may send it. Scripts send their key in 'Authorization: Token <key>'.");
