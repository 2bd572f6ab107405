package org.mrisr.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The registry of sub-commands, in the order {@code ./mrisr --help} lists them. Suppliers keep
 * start-up cheap: only the chosen command's class is loaded (so {@code info} never loads ND4J).
 */
final class Commands {
    private Commands() {
    }

    static Map<String, Supplier<Command>> all() {
        Map<String, Supplier<Command>> m = new LinkedHashMap<>();
        m.put("info", InfoCommand::new);
        m.put("degrade", DegradeCommand::new);
        m.put("interpolate", InterpolateCommand::new);
        m.put("score", ScoreCommand::new);
        m.put("train", TrainCommand::new);
        m.put("predict", PredictCommand::new);
        m.put("thick-slice", ThickSliceCommand::new);
        m.put("thick-slice-eval", ThickSliceEvalCommand::new);
        m.put("bids", BidsCommand::new);
        m.put("evaluate", EvaluateCommand::new);
        m.put("demo", DemoCommand::new);
        m.put("bench", BenchCommand::new);
        m.put("version", VersionCommand::new);
        return m;
    }
}
