package dev.storefront.http.address;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.domain.address.Address;
import dev.storefront.domain.address.AddressId;
import dev.storefront.domain.address.PostalAddress;
import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.port.in.address.AddAddressUseCase;
import dev.storefront.domain.port.in.address.AddAddressUseCase.AddAddressCommand;
import dev.storefront.domain.port.in.address.DeleteAddressUseCase;
import dev.storefront.domain.port.in.address.DeleteAddressUseCase.DeleteAddressCommand;
import dev.storefront.domain.port.in.address.ListAddressesUseCase;
import dev.storefront.domain.port.in.address.UpdateAddressUseCase;
import dev.storefront.domain.port.in.address.UpdateAddressUseCase.UpdateAddressCommand;
import dev.storefront.domain.user.UserId;
import dev.storefront.http.RouteGroup;
import dev.storefront.http.catalog.ProductFields;
import dev.storefront.http.common.ApiRequest;
import dev.storefront.http.common.ApiResponse;
import dev.storefront.http.common.HttpProblemException;
import dev.storefront.http.common.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Addresses rows of api.md: the caller's address book. Every route needs a login (401 first,
 * before the body is read); another user's address is a 404, like one that does not exist. A field
 * of the wrong JSON type is a 400 naming it before any rule is checked.
 */
public final class AddressRoutes implements RouteGroup {

    /** The use cases behind the routes. */
    public record UseCases(ListAddressesUseCase list, AddAddressUseCase add, UpdateAddressUseCase update,
                           DeleteAddressUseCase delete) {
        public UseCases {
            Objects.requireNonNull(list, "list");
            Objects.requireNonNull(add, "add");
            Objects.requireNonNull(update, "update");
            Objects.requireNonNull(delete, "delete");
        }
    }

    private final UseCases useCases;

    public AddressRoutes(UseCases useCases) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
    }

    @Override
    public void register(Router router) {
        router.get("/api/user/addresses", this::list);
        router.post("/api/user/addresses", this::add);
        router.patch("/api/user/addresses/{id}", this::update);
        router.delete("/api/user/addresses/{id}", this::delete);
    }

    /** The text fields and {@code default}, each of its JSON type (strings, a boolean). */
    private record Body(PostalAddressFields fields, Boolean makeDefault) {
        /** @param nullMeansAbsent whether a text field's explicit {@code null} counts as "not given" */
        static Body read(ApiRequest request, boolean nullMeansAbsent) {
            ObjectNode node = request.body(ObjectNode.class);
            ProductFields text = new ProductFields(node, nullMeansAbsent);
            PostalAddressFields fields = new PostalAddressFields(text.text("name"), text.text("line1"),
                    text.text("line2"), text.text("city"), text.text("region"), text.text("postalCode"),
                    text.text("country"), text.text("phone"));
            // "default" is true, false or left out: null is no boolean, on add as on a patch.
            ProductFields flag = new ProductFields(node, false);
            Boolean makeDefault = flag.bool("default");
            List<FieldViolation> wrongTypes = new ArrayList<>(text.violations());
            wrongTypes.addAll(flag.violations());
            if (!wrongTypes.isEmpty()) {
                throw HttpProblemException.invalid(wrongTypes);
            }
            return new Body(fields, makeDefault);
        }
    }

    private ApiResponse list(ApiRequest request) {
        UserId user = request.requireUser().userId();
        return ApiResponse.ok(new AddressList(useCases.list().listAddresses(user).stream()
                .map(AddressResponse::from).toList()));
    }

    private ApiResponse add(ApiRequest request) {
        UserId user = request.requireUser().userId();
        // On add, null is "not given": a required field is then missing, an optional one "".
        Body body = Body.read(request, true);
        PostalAddress postal = body.fields().toPostalAddress("");
        Address added = useCases.add().addAddress(new AddAddressCommand(user, postal,
                Boolean.TRUE.equals(body.makeDefault())));
        return ApiResponse.created(new AddressEnvelope(AddressResponse.from(added)));
    }

    private ApiResponse update(ApiRequest request) {
        UserId user = request.requireUser().userId();
        AddressId id = new AddressId(request.pathId("id"));
        // On a patch, a field left out stays as it is; an explicit null is refused, not taken as "keep".
        Body body = Body.read(request, false);
        PostalAddressFields f = body.fields();
        Address updated = useCases.update().updateAddress(new UpdateAddressCommand(user, id, f.name(), f.line1(),
                f.line2(), f.city(), f.region(), f.postalCode(), f.country(), f.phone(), body.makeDefault()));
        return ApiResponse.ok(new AddressEnvelope(AddressResponse.from(updated)));
    }

    private ApiResponse delete(ApiRequest request) {
        UserId user = request.requireUser().userId();
        useCases.delete().deleteAddress(new DeleteAddressCommand(user, new AddressId(request.pathId("id"))));
        return ApiResponse.noContent();
    }

    public record AddressEnvelope(AddressResponse address) {}

    public record AddressList(List<AddressResponse> items) {}
}
