package dev.martech.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} test parameter that {@link SandboxExtension} fills with one API's base URL on the
 * sandbox, e.g. {@code @Test void lists(@SandboxUrl(SandboxUrl.Api.TARGETING) String baseUrl)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface SandboxUrl {
    /** @return the API whose base URL is injected */
    Api value();

    /** The four APIs the sandbox stands in for. */
    enum Api {
        /** {@link Sandbox#targetingUrl()} */
        TARGETING,
        /** {@link Sandbox#socialHubUrl()} */
        SOCIALHUB,
        /** {@link Sandbox#contacthubUrl()} */
        CONTACTHUB,
        /** {@link Sandbox#contactflowUrl()} */
        CONTACTFLOW;

        /**
         * @param sandbox a running sandbox
         * @return this API's base URL on it
         */
        public String urlOn(Sandbox sandbox) {
            switch (this) {
                case TARGETING: return sandbox.targetingUrl();
                case SOCIALHUB: return sandbox.socialHubUrl();
                case CONTACTHUB: return sandbox.contacthubUrl();
                default: return sandbox.contactflowUrl();
            }
        }
    }
}
