package dev.martech.sandbox;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that runs a {@link Sandbox} for your tests: started once per test run (shared by every
 * class that uses the extension; the default) or once per test class ({@link #perClass()}), reset after
 * every test (seed data back, your stubs and the request journal cleared), stopped at the end.
 *
 * <pre>{@code
 * @ExtendWith(SandboxExtension.class)
 * class RecipientsTest {
 *     @Test
 *     void lists(@SandboxUrl(SandboxUrl.Api.TARGETING) String baseUrl) { ... }   // or a Sandbox parameter
 * }
 *
 * class StubbingTest {
 *     @RegisterExtension
 *     static final SandboxExtension SANDBOX = SandboxExtension.perClass();
 *     @Test
 *     void custom() { SANDBOX.sandbox().wireMock().stubFor(...); }
 * }
 * }</pre>
 *
 * <p>JUnit Jupiter is not a dependency of the sandbox artifact: your tests bring it (5.x or 6.x).
 */
public final class SandboxExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SandboxExtension.class);

    private final boolean perClass;
    private volatile Sandbox current;

    /** One sandbox for the whole test run (what {@code @ExtendWith(SandboxExtension.class)} uses). */
    public SandboxExtension() {
        this(false);
    }

    private SandboxExtension(boolean perClass) {
        this.perClass = perClass;
    }

    /** @return an extension sharing one sandbox with every class of the test run (the default) */
    public static SandboxExtension perRun() {
        return new SandboxExtension(false);
    }

    /** @return an extension starting a sandbox of its own for each test class, stopped after it */
    public static SandboxExtension perClass() {
        return new SandboxExtension(true);
    }

    /**
     * The running sandbox, for a {@code @RegisterExtension} field.
     *
     * @return the sandbox
     * @throws IllegalStateException before the extension has started it (outside a test)
     */
    public Sandbox sandbox() {
        Sandbox sandbox = current;
        if (sandbox == null) {
            throw new IllegalStateException("the sandbox is not running yet: SandboxExtension starts it before the"
                    + " first test of a class (register the extension on a static field to use it in @BeforeAll)");
        }
        return sandbox;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        current = sandboxFor(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        current = sandboxFor(context); // also when registered on an instance field (no beforeAll then)
    }

    @Override
    public void afterEach(ExtensionContext context) {
        sandboxFor(context).reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Sandbox.class || type == String.class && parameter.isAnnotated(SandboxUrl.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Sandbox sandbox = sandboxFor(context);
        if (parameter.getParameter().getType() == Sandbox.class) {
            return sandbox;
        }
        SandboxUrl url = parameter.findAnnotation(SandboxUrl.class)
                .orElseThrow(() -> new ParameterResolutionException("@SandboxUrl missing on " + parameter));
        return url.value().urlOn(sandbox);
    }

    private Sandbox sandboxFor(ExtensionContext context) {
        ExtensionContext owner = perClass ? classContext(context) : context.getRoot();
        @SuppressWarnings("deprecation") // getOrComputeIfAbsent: the method JUnit 5.x and 6.x both have
        Running running = owner.getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, k -> new Running(),
                Running.class);
        return running.sandbox;
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    /** Stopped by JUnit when its store closes (end of the class or of the run). */
    @SuppressWarnings("deprecation") // CloseableResource: closed by JUnit 5.x and 6.x alike
    private static final class Running implements ExtensionContext.Store.CloseableResource {
        final Sandbox sandbox = Sandbox.start();

        @Override
        public void close() {
            sandbox.close();
        }
    }
}
