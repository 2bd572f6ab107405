/*
 * SHIM-ONLY (not part of the KNIME API): lets the shim's table storage see a column's meta data.
 */
package org.knime.core.data;

import java.util.Collection;

import org.knime.core.data.meta.DataColumnMetaData;

/** Access to what DataColumnSpec keeps internal. */
public final class ShimColumnSpecs {
    private ShimColumnSpecs() {
    }

    /** All meta data of the column. */
    public static Collection<DataColumnMetaData> metaData(final DataColumnSpec spec) {
        return spec.metaData().values();
    }
}
