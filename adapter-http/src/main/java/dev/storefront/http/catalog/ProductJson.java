package dev.storefront.http.catalog;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One product's JSON object ({@link ProductResponse}), written once by {@link ProductJsonCache}:
 * Jackson copies its UTF-8 bytes into a page as they are, with no mapping and no escaping.
 */
public final class ProductJson extends JsonSerializable.Base {
    private final SerializedString json;
    private final int length;

    ProductJson(byte[] utf8) {
        json = new SerializedString(new String(utf8, StandardCharsets.UTF_8));
        json.asUnquotedUTF8(); // encoded now, once, rather than by the first page that writes it
        length = utf8.length;
    }

    /** The JSON's length in UTF-8 bytes. */
    int length() {
        return length;
    }

    @Override
    public void serialize(JsonGenerator generator, SerializerProvider serializers) throws IOException {
        generator.writeRawValue(json);
    }

    @Override
    public void serializeWithType(JsonGenerator generator, SerializerProvider serializers, TypeSerializer typeSerializer)
            throws IOException {
        // Responses are written without type information; should one ever carry it, the object stays as it is.
        serialize(generator, serializers);
    }

    @Override
    public String toString() {
        return json.getValue();
    }
}
