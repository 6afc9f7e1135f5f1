package dev.martech.examples;

import dev.martech.sandbox.Sandbox;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Where one example's API is and how to authenticate, read from the environment.
 *
 * <p>Per API (prefix {@code TARGETING}, {@code SOCIALHUB}, {@code CONTACTHUB}, {@code CONTACTFLOW}):
 * <ul>
 *   <li>neither {@code <PREFIX>_TOKEN} nor {@code <PREFIX>_BASE_URL} set: the embedded sandbox;</li>
 *   <li>{@code <PREFIX>_TOKEN} set: the real service, at {@code <PREFIX>_BASE_URL} or the API's default URL;</li>
 *   <li>{@code <PREFIX>_BASE_URL} without a token: an error (exit code 2) that says which variable is missing.</li>
 * </ul>
 * Some APIs need more (a workspace, a node): see {@link Api}.
 *
 * @param api      the API
 * @param sandbox  whether the embedded sandbox serves it
 * @param baseUrl  the base URL, or null for the client's default (the real service)
 * @param token    the credential
 * @param settings the API's extra settings by variable name (e.g. {@code CONTACTHUB_NODE_ID}), never null
 */
public record ApiConfig(Api api, boolean sandbox, String baseUrl, String token, Map<String, String> settings) {

    /** The four APIs and the variables each one reads. */
    public enum Api {
        TARGETING("Targeting", "TARGETING", "an epilot API token (JWT)", Map.of(
                "TARGETING_CAMPAIGN_ID", Sandbox.TARGETING_CAMPAIGN_ID.toString(),
                "TARGETING_ENTITY_ID", Sandbox.TARGETING_CONTACT_ID.toString())),
        SOCIALHUB("SocialHub", "SOCIALHUB", "a SocialHub API access token", Map.of(),
                Map.of("SOCIALHUB_CHANNEL_ID", Sandbox.SOCIALHUB_CHANNEL_ID)),
        CONTACTHUB("Contacthub", "CONTACTHUB", "a Contactlab OAuth2 access token", Map.of(
                "CONTACTHUB_WORKSPACE_ID", Sandbox.CONTACTHUB_WORKSPACE_ID.toString(),
                "CONTACTHUB_NODE_ID", Sandbox.CONTACTHUB_NODE_ID.toString())),
        CONTACTFLOW("Contactflow", "CONTACTFLOW", "a Contactlab OAuth2 access token", Map.of(
                "CONTACTFLOW_NODE", Sandbox.CONTACTFLOW_NODE_ID.toString()),
                Map.of("CONTACTFLOW_AUTOMATION_ID", Sandbox.CONTACTFLOW_AUTOMATION_ID.toString()));

        private final String title;
        private final String prefix;
        private final String tokenKind;
        /** Required settings with their sandbox values. */
        private final Map<String, String> sandboxSettings;
        /** Optional settings (the flow skips what needs them) with their sandbox values. */
        private final Map<String, String> optionalSettings;

        Api(String title, String prefix, String tokenKind, Map<String, String> sandboxSettings) {
            this(title, prefix, tokenKind, sandboxSettings, Map.of());
        }

        Api(String title, String prefix, String tokenKind, Map<String, String> sandboxSettings,
                Map<String, String> optionalSettings) {
            this.title = title;
            this.prefix = prefix;
            this.tokenKind = tokenKind;
            this.sandboxSettings = sandboxSettings;
            this.optionalSettings = optionalSettings;
        }

        /** @return the API's display name */
        public String title() {
            return title;
        }

        /** @return the variable holding the credential */
        public String tokenVariable() {
            return prefix + "_TOKEN";
        }

        /** @return the variable holding the base URL */
        public String baseUrlVariable() {
            return prefix + "_BASE_URL";
        }

        /** @return what kind of credential the token variable holds, for messages */
        public String tokenKind() {
            return tokenKind;
        }

        String sandboxUrl(Sandbox sandbox) {
            switch (this) {
                case TARGETING: return sandbox.targetingUrl();
                case SOCIALHUB: return sandbox.socialHubUrl();
                case CONTACTHUB: return sandbox.contacthubUrl();
                default: return sandbox.contactflowUrl();
            }
        }
    }

    /** Thrown when the environment names a real service but lacks something it needs; exit code 2. */
    public static final class ConfigurationException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConfigurationException(String message) {
            super(message);
        }
    }

    /**
     * Reads one API's configuration.
     *
     * @param api the API
     * @param env the environment ({@code System::getenv} in the examples)
     * @return whether to use the sandbox, or the real service's settings
     * @throws ConfigurationException when a real service is named but not fully configured
     */
    public static ApiConfig resolve(Api api, Function<String, String> env) {
        String token = blankToNull(env.apply(api.tokenVariable()));
        String baseUrl = blankToNull(env.apply(api.baseUrlVariable()));
        if (token == null && baseUrl == null) {
            Map<String, String> all = new java.util.LinkedHashMap<>(api.sandboxSettings);
            all.putAll(api.optionalSettings);
            return new ApiConfig(api, true, null, Sandbox.TOKEN, Map.copyOf(all));
        }
        if (token == null) {
            throw new ConfigurationException(api.baseUrlVariable() + " is set but " + api.tokenVariable() + " is not: set "
                    + api.tokenVariable() + " to " + api.tokenKind() + ", or unset " + api.baseUrlVariable()
                    + " to run against the sandbox.");
        }
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        for (String name : api.sandboxSettings.keySet()) {
            String value = blankToNull(env.apply(name));
            if (value == null) {
                throw new ConfigurationException(api.tokenVariable() + " is set, so the real " + api.title()
                        + " API is used, but " + name + " is not: set it too (see README, Configuration).");
            }
            settings.put(name, value);
        }
        for (String name : api.optionalSettings.keySet()) {
            String value = blankToNull(env.apply(name));
            if (value != null) {
                settings.put(name, value);
            }
        }
        return new ApiConfig(api, false, baseUrl, token, Map.copyOf(settings));
    }

    /** Binds a sandbox-mode configuration to a running sandbox. */
    ApiConfig on(Sandbox sandbox) {
        return sandbox() ? new ApiConfig(api, true, api.sandboxUrl(sandbox), token, settings) : this;
    }

    /**
     * A required setting.
     *
     * @param name the variable name
     * @return its value
     */
    public String setting(String name) {
        String v = settings.get(name);
        if (v == null) {
            throw new ConfigurationException(name + " is not set");
        }
        return v;
    }

    /**
     * An optional setting.
     *
     * @param name the variable name
     * @return its value, if set
     */
    public java.util.Optional<String> optionalSetting(String name) {
        return java.util.Optional.ofNullable(settings.get(name));
    }

    /**
     * A setting as a UUID, with a clear message when it is not one.
     *
     * @param name the variable name
     * @return its value
     */
    public UUID uuidSetting(String name) {
        String v = setting(name);
        try {
            return UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(name + " must be a UUID but was '" + v + "'");
        }
    }

    /** @return where the calls go, for the banner */
    public String describe() {
        return sandbox ? "sandbox at " + baseUrl : "real service at " + (baseUrl == null ? "the default URL" : baseUrl);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String toString() {
        return "ApiConfig{" + api + ", " + describe() + ", token=REDACTED}";
    }
}
