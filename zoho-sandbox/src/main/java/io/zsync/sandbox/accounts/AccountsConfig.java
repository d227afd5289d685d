package io.zsync.sandbox.accounts;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Zoho Accounts (OAuth) settings: the registered dev client and the token rules of zoho-api.md §2.
 *
 * @param clientId                  the dev client registered at startup (fake, safe to commit)
 * @param clientSecret              its secret
 * @param refreshToken              a refresh token issued to it, so clients can start without a consent flow
 * @param redirectUri               the redirect URI registered for the authorization-code flow
 * @param scope                     scope reported in token responses
 * @param accessTokenTtlSeconds     {@code expires_in} (3600 [C])
 * @param throttleEnabled           enforce "10 access tokens per 10 minutes per refresh token" [C]
 * @param throttleLimit             tokens per window
 * @param throttleWindowSeconds     window length
 * @param throttleHttpStatus        HTTP status of the {@code Access Denied} answer: 200 or 400 [U]
 * @param wrongSecretError          {@code error} for a wrong secret: invalid_client or invalid_client_secret [S]
 * @param acceptBearer              also accept {@code Authorization: Bearer} on Zoho APIs [U]
 * @param maxActiveTokensPerRefreshToken older access tokens beyond this are deleted (30 [C], 10 in newer pages [S])
 * @param codeTtlSeconds            grant-code lifetime (about 2 minutes [S/U])
 * @param location                  the DC location reported on the consent redirect
 * @param extraClients              more registered clients, {@code clientId|secret|refreshToken} comma-separated
 */
@ConfigurationProperties(AccountsConfig.PREFIX)
public record AccountsConfig(
        String clientId,
        String clientSecret,
        String refreshToken,
        String redirectUri,
        String scope,
        long accessTokenTtlSeconds,
        boolean throttleEnabled,
        int throttleLimit,
        long throttleWindowSeconds,
        int throttleHttpStatus,
        String wrongSecretError,
        boolean acceptBearer,
        int maxActiveTokensPerRefreshToken,
        long codeTtlSeconds,
        String location,
        String extraClients) {

    public static final String PREFIX = "sandbox.accounts";
}
