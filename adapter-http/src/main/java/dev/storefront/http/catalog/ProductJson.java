package dev.storefront.http.catalog;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One product's JSON object ({@link ProductResponse}), written once by {@link ProductJsonCache}:
 * Jackson copies its UTF-8 bytes into a page as they are, with no mapping and no escaping. Only
 * the bytes are kept (a {@link SerializedString} would keep the text beside them).
 */
public final class ProductJson extends JsonSerializable.Base {
    private final byte[] utf8;

    ProductJson(byte[] utf8) {
        this.utf8 = utf8;
    }

    /** The JSON's length in UTF-8 bytes. */
    int length() {
        return utf8.length;
    }

    @Override
    public void serialize(JsonGenerator generator, SerializerProvider serializers) throws IOException {
        generator.writeRawValue(new RawUtf8(utf8));
    }

    @Override
    public void serializeWithType(JsonGenerator generator, SerializerProvider serializers, TypeSerializer typeSerializer)
            throws IOException {
        // Responses are written without type information; should one ever carry it, the object stays as it is.
        serialize(generator, serializers);
    }

    @Override
    public String toString() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /**
     * Ready UTF-8 for {@link JsonGenerator#writeRawValue(SerializableString)}, which copies it with
     * {@link #appendUnquotedUTF8} (or {@link #asUnquotedUTF8} when the buffer is short). The text
     * and quoted forms, which raw writing does not use, are derived from the text when asked for.
     */
    private static final class RawUtf8 implements SerializableString {
        private final byte[] utf8;

        RawUtf8(byte[] utf8) {
            this.utf8 = utf8;
        }

        @Override
        public String getValue() {
            return new String(utf8, StandardCharsets.UTF_8);
        }

        private SerializedString text() {
            return new SerializedString(getValue());
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return utf8.clone();
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (utf8.length > buffer.length - offset) {
                return -1;
            }
            System.arraycopy(utf8, 0, buffer, offset, utf8.length);
            return utf8.length;
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(utf8);
            return utf8.length;
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            if (utf8.length > buffer.remaining()) {
                return -1;
            }
            buffer.put(utf8);
            return utf8.length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            return text().appendUnquoted(buffer, offset);
        }

        @Override
        public char[] asQuotedChars() {
            return text().asQuotedChars();
        }

        @Override
        public byte[] asQuotedUTF8() {
            return text().asQuotedUTF8();
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            return text().appendQuotedUTF8(buffer, offset);
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            return text().appendQuoted(buffer, offset);
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) throws IOException {
            return text().writeQuotedUTF8(out);
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
            return text().putQuotedUTF8(buffer);
        }
    }
}
