package dev.martech.specs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A check run once per {@link Spec}, reported as {@code methodName[spec]}. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = Specs.DISPLAY_NAME)
@EnumSource(Spec.class)
public @interface EachSpec {
}
