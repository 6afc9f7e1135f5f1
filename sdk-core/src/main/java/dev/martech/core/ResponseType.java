package dev.martech.core;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/**
 * What a successful response body becomes: a JSON model, nothing, text, or a stream. Generated code keeps
 * one constant per operation, so the Jackson type is built once, not per call.
 */
public final class ResponseType<T> {
    enum Kind { JSON, NONE, TEXT, STREAM, LOCATION }

    private static final ResponseType<Void> NONE = new ResponseType<>(Kind.NONE, null);
    private static final ResponseType<String> TEXT = new ResponseType<>(Kind.TEXT, null);
    private static final ResponseType<BinaryResponse> STREAM = new ResponseType<>(Kind.STREAM, null);
    private static final ResponseType<java.net.URI> LOCATION = new ResponseType<>(Kind.LOCATION, null);

    private final Kind kind;
    private final JavaType javaType;

    private ResponseType(Kind kind, JavaType javaType) {
        this.kind = kind;
        this.javaType = javaType;
    }

    public static <T> ResponseType<T> json(Class<T> type) {
        return new ResponseType<>(Kind.JSON, TypeFactory.defaultInstance().constructType(type));
    }

    public static <T> ResponseType<T> json(TypeReference<T> type) {
        return new ResponseType<>(Kind.JSON, TypeFactory.defaultInstance().constructType(type));
    }

    public static <T> ResponseType<List<T>> listOf(Class<T> item) {
        return new ResponseType<>(Kind.JSON, TypeFactory.defaultInstance().constructCollectionType(List.class, item));
    }

    public static <V> ResponseType<Map<String, V>> mapOf(Class<V> value) {
        return new ResponseType<>(Kind.JSON, TypeFactory.defaultInstance().constructMapType(Map.class, String.class, value));
    }

    /** Any Java type, e.g. {@code List<Map<String, Object>>}, for generated code with nested generics. */
    public static <T> ResponseType<T> of(Type type) {
        return new ResponseType<>(Kind.JSON, TypeFactory.defaultInstance().constructType(type));
    }

    /** No body expected; whatever arrives is discarded. */
    public static ResponseType<Void> none() {
        return NONE;
    }

    public static ResponseType<String> text() {
        return TEXT;
    }

    /** The body as an open stream that the caller reads and closes (downloads of any size). */
    public static ResponseType<BinaryResponse> stream() {
        return STREAM;
    }

    /**
     * For an operation whose only success is a redirect (e.g. an OAuth "connect" endpoint answering 302): the
     * redirect is not followed; its {@code Location}, resolved against the request URL, is the result. A 2xx
     * instead is a {@link dev.martech.core.errors.ResponseDecodingException}.
     *
     * @return the response type whose body is the redirect target
     */
    public static ResponseType<java.net.URI> location() {
        return LOCATION;
    }

    Kind kind() {
        return kind;
    }

    JavaType javaType() {
        return javaType;
    }

    @Override
    public String toString() {
        return kind == Kind.JSON ? javaType.toCanonical() : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
