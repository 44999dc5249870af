package com.example.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Runs one client task many times at once, each on a virtual thread of its own (a blocked
 * client costs a few hundred bytes, not a platform thread's stack), under one deadline:
 * whatever has not finished by then is interrupted and counted as failed.
 */
final class ConcurrentClients {

    /** What the clients brought back, and why the others failed. */
    record Results<T>(List<T> finished, List<String> failures) {
    }

    private ConcurrentClients() {
    }

    static <T> Results<T> run(int clients, Duration deadline, Callable<T> client) throws InterruptedException {
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<Callable<T>> tasks = IntStream.range(0, clients).mapToObj(i -> client).toList();
            // invokeAll cancels (interrupts) the tasks still running at the deadline.
            List<Future<T>> futures = executor.invokeAll(tasks, deadline.toMillis(), TimeUnit.MILLISECONDS);
            List<T> finished = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    finished.add(futures.get(i).get());
                }
                catch (CancellationException ex) {
                    failures.add("client " + i + ": not done within " + deadline);
                }
                catch (ExecutionException ex) {
                    failures.add("client " + i + ": " + ex.getCause());
                }
            }
            return new Results<>(finished, failures);
        }
        finally {
            // Not close(), which would wait for every task: interrupted ones end on their own.
            executor.shutdownNow();
        }
    }
}
