package com.example.workshop;

import java.util.ArrayList;
import java.util.List;

/**
 * measure [--quick]: every transport the most advanced solution serves, side by side, one row
 * each (first token, memory and threads per 1,000 connections, requests and bytes, CPU per
 * token). The measurement is the benchmarks module's (MeasureBenchmark, run by its measure
 * profile, on the solution benchmarks/pom.xml names); this only starts it, in this console,
 * so that Ctrl-C stops it.
 */
record MeasureCommand(Context context) {

    int run(List<String> args) {
        List<String> rest = new ArrayList<>(args);
        boolean quick = rest.remove("--quick");
        if (!rest.isEmpty()) {
            throw new Problem(Out.SELF + " measure takes no arguments but --quick (2 to 3 minutes), and got: "
                    + String.join(" ", rest) + ".");
        }
        Out out = this.context.out();
        out.println(quick ? "Building the newest solution and the benchmarks, then measuring every transport it serves"
                + " (quick: 2 to 3 minutes)..."
                : "Building the newest solution and the benchmarks, then measuring every transport it serves"
                        + " at 1,000, 5,000 and 10,000 connections (10 to 15 minutes; --quick: 2 to 3)...");
        out.flush();
        int exitCode = this.context.maven().inherit(List.of("-q", "verify", "-pl", "benchmarks", "-am", "-DskipTests",
                "-Pmeasure", "-Dmeasure.mode=" + (quick ? "quick" : "full")));
        if (exitCode != 0) {
            throw new Problem("The measurement did not finish (Maven exited with " + exitCode + "): its output is"
                    + " above; the servers' logs are in benchmarks/target/.");
        }
        return 0;
    }
}
