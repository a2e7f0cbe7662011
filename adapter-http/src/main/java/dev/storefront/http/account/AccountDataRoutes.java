package dev.storefront.http.account;

import dev.storefront.domain.port.in.account.DeleteAccountUseCase;
import dev.storefront.domain.port.in.account.DeleteAccountUseCase.DeleteAccountCommand;
import dev.storefront.domain.port.in.account.ExportAccountDataUseCase;
import dev.storefront.domain.port.in.account.ExportAccountDataUseCase.AccountDataQuery;
import dev.storefront.domain.port.in.account.ResolveSessionUseCase.ResolvedSession;
import dev.storefront.http.RouteGroup;
import dev.storefront.http.common.ApiRequest;
import dev.storefront.http.common.ApiResponse;
import dev.storefront.http.common.BoundedPool;
import dev.storefront.http.common.HttpProblemException;
import dev.storefront.http.common.Router;
import dev.storefront.http.common.SessionCookies;
import java.util.Objects;

/**
 * "Your data: export and deletion" of api.md. The deletion verifies a password, so it runs on the
 * hashing pool like the other current-password routes.
 */
public final class AccountDataRoutes implements RouteGroup {
    /** What the browser saves the export as. */
    static final String EXPORT_DISPOSITION = "attachment; filename=\"storefront-export.json\"";

    /** The use cases behind the routes. */
    public record UseCases(ExportAccountDataUseCase export, DeleteAccountUseCase delete) {
        public UseCases {
            Objects.requireNonNull(export, "export");
            Objects.requireNonNull(delete, "delete");
        }
    }

    private final UseCases useCases;
    private final SessionCookies cookies;
    private final BoundedPool hashingPool;

    public AccountDataRoutes(UseCases useCases, SessionCookies cookies, BoundedPool hashingPool) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.cookies = Objects.requireNonNull(cookies, "cookies");
        this.hashingPool = Objects.requireNonNull(hashingPool, "hashingPool");
    }

    @Override
    public void register(Router router) {
        router.get("/api/user/export", this::export);
        router.add("DELETE", "/api/user", this::deleteAccount, hashingPool);
    }

    private ApiResponse export(ApiRequest request) {
        ResolvedSession session = cookies.requireUserSession(request);
        return ApiResponse.ok(AccountExportResponse.from(useCases.export().export(
                        new AccountDataQuery(session.session().userId(), session.token()))))
                .header("Content-Disposition", EXPORT_DISPOSITION);
    }

    private ApiResponse deleteAccount(ApiRequest request) {
        ResolvedSession session = cookies.requireUserSession(request);
        DeleteAccountRequest body = request.body(DeleteAccountRequest.class);
        if (body.currentPassword() == null) {
            throw HttpProblemException.invalid("currentPassword", "is required");
        }
        useCases.delete().deleteAccount(new DeleteAccountCommand(session.session().userId(), body.currentPassword(),
                request.clientAddress()));
        cookies.clear(request);
        return ApiResponse.noContent();
    }
}
