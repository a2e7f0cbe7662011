package dev.storefront.http.account;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.domain.passkey.Passkey;
import dev.storefront.domain.passkey.PasskeyCreationOptions;
import dev.storefront.domain.passkey.PasskeyLoginFailed;
import dev.storefront.domain.passkey.PasskeyRequestOptions;
import dev.storefront.domain.passkey.PasskeyRules;
import dev.storefront.domain.port.in.account.DeletePasskeyUseCase;
import dev.storefront.domain.port.in.account.DeletePasskeyUseCase.DeletePasskeyCommand;
import dev.storefront.domain.port.in.account.ListPasskeysUseCase;
import dev.storefront.domain.port.in.account.LogInUseCase.LoggedIn;
import dev.storefront.domain.port.in.account.LogInWithPasskeyUseCase;
import dev.storefront.domain.port.in.account.LogInWithPasskeyUseCase.PasskeyLoginCommand;
import dev.storefront.domain.port.in.account.RegisterPasskeyUseCase;
import dev.storefront.domain.port.in.account.RegisterPasskeyUseCase.RegisterPasskeyCommand;
import dev.storefront.domain.port.in.account.ResolveSessionUseCase.ResolvedSession;
import dev.storefront.domain.port.in.account.StartPasskeyLoginUseCase;
import dev.storefront.domain.port.in.account.StartPasskeyRegistrationUseCase;
import dev.storefront.domain.port.in.account.StartPasskeyRegistrationUseCase.StartPasskeyRegistrationCommand;
import dev.storefront.http.RouteGroup;
import dev.storefront.http.common.ApiRequest;
import dev.storefront.http.common.ApiResponse;
import dev.storefront.http.common.HttpProblemException;
import dev.storefront.http.common.JsonCodec;
import dev.storefront.http.common.Router;
import dev.storefront.http.common.SessionCookies;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Passkeys (WebAuthn) rows of api.md. Registration needs a login; the login challenge is bound
 * to the client's session, a new guest session when it has none (limited like every guest session:
 * its 429). The credential is passed on as the JSON the browser produced.
 */
public final class PasskeyRoutes implements RouteGroup {

    /** The use cases behind the routes. */
    public record UseCases(StartPasskeyRegistrationUseCase startRegistration, RegisterPasskeyUseCase register,
                           ListPasskeysUseCase list, DeletePasskeyUseCase delete,
                           StartPasskeyLoginUseCase startLogin, LogInWithPasskeyUseCase logIn) {
        public UseCases {
            Objects.requireNonNull(startRegistration, "startRegistration");
            Objects.requireNonNull(register, "register");
            Objects.requireNonNull(list, "list");
            Objects.requireNonNull(delete, "delete");
            Objects.requireNonNull(startLogin, "startLogin");
            Objects.requireNonNull(logIn, "logIn");
        }
    }

    private final UseCases useCases;
    private final SessionCookies cookies;
    private final JsonCodec json = new JsonCodec();

    public PasskeyRoutes(UseCases useCases, SessionCookies cookies) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.cookies = Objects.requireNonNull(cookies, "cookies");
    }

    @Override
    public void register(Router router) {
        router.post("/api/user/passkeys/options", this::registrationOptions);
        router.post("/api/user/passkeys", this::registerPasskey);
        router.get("/api/user/passkeys", this::listPasskeys);
        router.delete("/api/user/passkeys/{id}", this::deletePasskey);
        router.post("/api/login/passkey/options", this::loginOptions);
        router.post("/api/login/passkey", this::logIn);
    }

    /** {@code {"name"?, "credential": {…}}}: the credential is kept as JSON for the verifier. */
    record RegisterPasskeyRequest(String name, JsonNode credential) {}

    /** {@code {"credential": {…}}} */
    record PasskeyLoginRequest(JsonNode credential) {}

    private String credentialJson(JsonNode credential) {
        if (credential == null || !credential.isObject()) {
            throw HttpProblemException.invalid("credential", "is required (the PublicKeyCredential as JSON)");
        }
        return new String(json.write(credential), StandardCharsets.UTF_8);
    }

    private ApiResponse registrationOptions(ApiRequest request) {
        ResolvedSession session = cookies.requireUserSession(request);
        PasskeyCreationOptions options = useCases.startRegistration().startPasskeyRegistration(
                new StartPasskeyRegistrationCommand(session.user().orElseThrow().id(), session.session().handle()));
        return ApiResponse.ok(new PublicKeyEnvelope(CreationOptionsJson.from(options)));
    }

    private ApiResponse registerPasskey(ApiRequest request) {
        ResolvedSession session = cookies.requireUserSession(request);
        RegisterPasskeyRequest body = request.body(RegisterPasskeyRequest.class);
        Passkey passkey = useCases.register().registerPasskey(new RegisterPasskeyCommand(
                session.user().orElseThrow().id(), session.session().handle(), body.name(),
                credentialJson(body.credential()), request.clientAddress()));
        return ApiResponse.created(new PasskeyEnvelope(PasskeyJson.from(passkey)));
    }

    private ApiResponse listPasskeys(ApiRequest request) {
        ResolvedSession session = cookies.requireUserSession(request);
        return ApiResponse.ok(new PasskeyList(useCases.list().listPasskeys(session.user().orElseThrow().id())
                .stream().map(PasskeyJson::from).toList()));
    }

    private ApiResponse deletePasskey(ApiRequest request) {
        ResolvedSession session = cookies.requireUserSession(request);
        useCases.delete().deletePasskey(new DeletePasskeyCommand(session.user().orElseThrow().id(),
                request.pathParameter("id"), request.clientAddress()));
        return ApiResponse.noContent();
    }

    private ApiResponse loginOptions(ApiRequest request) {
        ResolvedSession session = cookies.currentOrStartGuest(request);
        PasskeyRequestOptions options = useCases.startLogin().startPasskeyLogin(session.session().handle());
        return ApiResponse.ok(new PublicKeyEnvelope(RequestOptionsJson.from(options)));
    }

    private ApiResponse logIn(ApiRequest request) {
        PasskeyLoginRequest body = request.body(PasskeyLoginRequest.class);
        String credential = credentialJson(body.credential());
        // No session: no challenge can be this client's.
        ResolvedSession session = cookies.current(request).orElseThrow(PasskeyLoginFailed::new);
        LoggedIn loggedIn = useCases.logIn().logInWithPasskey(new PasskeyLoginCommand(session.token(),
                session.session().handle(), credential, request.clientAddress(),
                request.header("User-Agent").orElse(null)));
        cookies.issue(request, loggedIn.session(), Optional.of(loggedIn.user()));
        return ApiResponse.ok(UserEnvelopeResponse.from(loggedIn.user()));
    }

    public record PublicKeyEnvelope(Object publicKey) {}

    public record PasskeyEnvelope(PasskeyJson passkey) {}

    public record PasskeyList(List<PasskeyJson> items) {}

    /** {@code {"id", "name", "createdAt", "lastUsedAt"}}: never the key material. */
    public record PasskeyJson(long id, String name, String createdAt, String lastUsedAt) {
        public static PasskeyJson from(Passkey passkey) {
            return new PasskeyJson(passkey.id().value(), passkey.name(), Timestamps.format(passkey.createdAt()),
                    passkey.lastUsed().map(Timestamps::format).orElse(null));
        }
    }

    public record Entity(String id, String name) {}

    public record UserEntity(String id, String name, String displayName) {}

    public record Parameter(String type, long alg) {}

    public record Descriptor(String type, String id) {}

    public record Selection(String residentKey, boolean requireResidentKey, String userVerification) {}

    /** PublicKeyCredentialCreationOptions in the WebAuthn JSON serialisation (binary fields base64url). */
    public record CreationOptionsJson(Entity rp, UserEntity user, String challenge, List<Parameter> pubKeyCredParams,
                                      long timeout, List<Descriptor> excludeCredentials,
                                      Selection authenticatorSelection, String attestation) {
        static CreationOptionsJson from(PasskeyCreationOptions options) {
            return new CreationOptionsJson(new Entity(options.relyingParty().id(), options.relyingParty().name()),
                    new UserEntity(options.userHandle(), options.userName(), options.userName()),
                    options.challenge().value(),
                    List.of(new Parameter("public-key", -7), new Parameter("public-key", -257)), // ES256, RS256
                    PasskeyRules.CHALLENGE_LIFETIME.toMillis(),
                    options.excludeCredentialIds().stream().map(id -> new Descriptor("public-key", id)).toList(),
                    new Selection("required", true, "preferred"), "none");
        }
    }

    /** PublicKeyCredentialRequestOptions for a discoverable credential: no allowCredentials. */
    public record RequestOptionsJson(String challenge, String rpId, List<Descriptor> allowCredentials,
                                     String userVerification, long timeout) {
        static RequestOptionsJson from(PasskeyRequestOptions options) {
            return new RequestOptionsJson(options.challenge().value(), options.relyingPartyId(), List.of(),
                    "preferred", PasskeyRules.CHALLENGE_LIFETIME.toMillis());
        }
    }
}
