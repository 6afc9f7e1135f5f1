module com.example.modular {
    requires dev.martech.targeting;
    requires jdk.httpserver;
}
