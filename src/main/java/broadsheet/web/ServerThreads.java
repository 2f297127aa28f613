package broadsheet.web;

import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty's threads: a few platform threads accept connections, wait on the selector and read requests
 * (and answer cache hits there, {@link FrontDoor}); every request the app handles runs on a virtual
 * thread of its own, where it may block on the database.
 *
 * <p>Javalin's own choice with virtual threads on puts everything on virtual threads, the selector's
 * loop included. On two cores that loop then waits in the same queue as the virtual threads rendering
 * pages, so a read that the selector could take at once waits for a render to yield: the rendered
 * pages' p99 rose 3-4 times when the selector began to answer cache hits (docs/benchmarks.md, issue 12).
 * A platform thread is scheduled by the operating system beside them instead.
 */
public final class ServerThreads {

    /** Platform threads at most: an acceptor, a selector, Jetty's scheduler and a few spare. */
    private static final int MAX_PLATFORM = 8;

    private ServerThreads() {}

    public static QueuedThreadPool create() {
        QueuedThreadPool pool = new QueuedThreadPool(MAX_PLATFORM, 2);
        pool.setReservedThreads(0); // blocking work goes to virtual threads, never to a reserved platform one
        pool.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("app"));
        return pool;
    }
}
