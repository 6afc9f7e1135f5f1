package dev.martech.specs;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Names each test after its method alone (no parameter types), so that with {@link Specs#DISPLAY_NAME} a
 * parameterised invocation reads {@code operationIdsAreUnique[socialhub]} in Surefire's reports.
 */
public class MethodNameDisplayNames extends DisplayNameGenerator.Standard {
    @Override
    public String generateDisplayNameForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass,
            Method testMethod) {
        return testMethod.getName();
    }
}
