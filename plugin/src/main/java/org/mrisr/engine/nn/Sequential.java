package org.mrisr.engine.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Modules applied in order; parameters are named by position ("0.w", "1.gamma", ...). */
public final class Sequential extends Module {
    private final List<Module> modules;

    public Sequential(List<Module> modules) {
        this.modules = List.copyOf(modules);
    }

    public Sequential(Module... modules) {
        this(List.of(modules));
    }

    public List<Module> modules() {
        return modules;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        INDArray y = x;
        for (Module m : modules) {
            y = m.forward(y, training);
        }
        return y;
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        INDArray g = gradOut;
        List<Module> rev = new ArrayList<>(modules);
        Collections.reverse(rev);
        for (Module m : rev) {
            g = m.backward(g);
        }
        return g;
    }

    @Override
    public void collect(String prefix, List<Param> out) {
        for (int i = 0; i < modules.size(); i++) {
            modules.get(i).collect(prefix + i + ".", out);
        }
    }
}
