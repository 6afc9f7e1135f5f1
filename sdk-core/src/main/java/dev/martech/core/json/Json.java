package dev.martech.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The Jackson configuration every client shares: tolerant reading, ISO dates, no nulls written. */
public final class Json {
    private Json() {
    }

    private static final class Shared {
        static final ObjectMapper MAPPER = newMapper();
    }

    /**
     * A mapper configured like a client's, shared for conversions that need no client (e.g. a model property's
     * raw JSON). Never reconfigure it.
     *
     * @return the shared mapper
     */
    public static ObjectMapper shared() {
        return Shared.MAPPER;
    }

    /**
     * A new mapper: unknown fields are ignored (a newer server never breaks an older client), dates are
     * ISO-8601 strings with their offset kept, absent optional fields are not sent as {@code null}, and
     * generated models decode property by property (see {@link ApiModel}).
     *
     * @return the mapper
     */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new ModelDeserialization())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }
}
