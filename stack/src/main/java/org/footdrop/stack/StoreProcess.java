package org.footdrop.stack;

import java.nio.file.Path;

/**
 * The embedded store alone in its own JVM, so a test can SIGKILL it as a crash of the machine
 * hosting it would: arguments are the data directory and the port.
 */
public final class StoreProcess {

    private StoreProcess() {}

    public static void main(String[] args) throws Exception {
        MongoStore.start(Path.of(args[0]), Integer.parseInt(args[1]));
        System.out.println("store ready");
        Thread.currentThread().join();
    }
}
