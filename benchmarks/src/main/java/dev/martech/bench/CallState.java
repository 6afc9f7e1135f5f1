package dev.martech.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.martech.targeting.TargetingClient;
import java.io.IOException;
import java.util.UUID;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** One server, one SDK client, one raw OkHttpClient + ObjectMapper (and the stock client), per fork. */
@State(Scope.Benchmark)
public class CallState {
    @Param({"small", "large"})
    public String size;

    public BenchServer server;
    public String baseUrl;
    public TargetingClient sdk;
    public OkHttpClient raw;
    public ObjectMapper mapper;
    public StockCalls stock;
    public UUID campaign;
    public int limit;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        server = BenchServer.forCalls();
        baseUrl = server.baseUrl();
        sdk = Calls.sdk(baseUrl);
        raw = Calls.rawClient();
        mapper = Calls.rawMapper();
        stock = StockCalls.create(baseUrl);
        boolean small = size.equals("small");
        campaign = small ? Fixtures.SMALL_CAMPAIGN : Fixtures.LARGE_CAMPAIGN;
        limit = small ? Fixtures.SMALL_SIZE : Fixtures.PAGE_SIZE;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        sdk.close();
        raw.dispatcher().executorService().shutdown();
        raw.connectionPool().evictAll();
        server.close();
    }
}
