package io.zsync.sandbox.desk;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.util.Map;

/** Serves the public keys that verify {@code X-ZDesk-JWT}, at the path Desk uses (§6.6). */
@Controller("/.well-known")
public class JwksController {

    private final DeskJwtSigner signer;

    public JwksController(DeskJwtSigner signer) {
        this.signer = signer;
    }

    @Get("/jwks.json")
    Map<String, Object> jwks() {
        return signer.jwks();
    }
}
