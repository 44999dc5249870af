package com.example.workshop;

import java.util.List;

/**
 * bench: not a test, a small measurement of what streaming changes: lesson 01's and 02's time
 * to first token. The measurement is the benchmarks module's (FirstTokenBenchmark, run by its
 * first-token profile); this only starts it, in this console, so that Ctrl-C stops it.
 */
record BenchCommand(Context context) {

    int run(List<String> args) {
        this.context.noMoreArguments("bench", args);
        Out out = this.context.out();
        out.println("Building solutions 01 and 02 and the benchmarks, then timing their replies (about 2 minutes)...");
        out.flush();
        int exitCode = this.context.maven().inherit(List.of("-q", "verify", "-pl", "benchmarks", "-am",
                "-DskipTests", "-Pfirst-token"));
        if (exitCode != 0) {
            throw new Problem("The benchmark did not finish (Maven exited with " + exitCode + "): its output is above;"
                    + " the servers' logs are in benchmarks/target/.");
        }
        return 0;
    }
}
