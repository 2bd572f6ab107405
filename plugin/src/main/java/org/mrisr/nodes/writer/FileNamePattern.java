package org.mrisr.nodes.writer;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;

/**
 * A file-name pattern such as {@code {rowid}} or {@code sub-{Subject}_lr}: literal text plus
 * placeholders in braces, {@code {rowid}} for the row ID and {@code {<column>}} for a column's value.
 * The result must be a plain file name (no folders), so rows cannot write outside the output folder.
 */
final class FileNamePattern {
    static final String ROW_ID = "{rowid}";

    /** Literal text, or a placeholder name when {@code placeholder}. */
    private record Part(String text, boolean placeholder) {
    }

    private final List<Part> parts;
    private int[] columnIndex;

    private FileNamePattern(final List<Part> parts) {
        this.parts = parts;
    }

    static FileNamePattern parse(final String pattern) throws InvalidSettingsException {
        if (pattern == null || pattern.isBlank()) {
            throw new InvalidSettingsException("File name pattern is empty: use e.g. {rowid} (the row ID) or {ColumnName}");
        }
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (i < pattern.length()) {
            int open = pattern.indexOf('{', i);
            if (open < 0) {
                parts.add(new Part(pattern.substring(i), false));
                break;
            }
            if (open > i) {
                parts.add(new Part(pattern.substring(i, open), false));
            }
            int close = pattern.indexOf('}', open);
            if (close < 0) {
                throw new InvalidSettingsException("File name pattern '" + pattern + "' has a '{' without '}'");
            }
            String name = pattern.substring(open + 1, close);
            if (name.isEmpty()) {
                throw new InvalidSettingsException("File name pattern '" + pattern + "' has an empty placeholder {}");
            }
            parts.add(new Part(name, true));
            i = close + 1;
        }
        for (Part p : parts) {
            if (!p.placeholder() && (p.text().contains("/") || p.text().contains("\\"))) {
                throw new InvalidSettingsException("File name pattern '" + pattern
                    + "' contains a folder separator: give a file name only; the folder is a separate option");
            }
        }
        return new FileNamePattern(parts);
    }

    /** Resolves the column placeholders against the input; unknown columns are refused. */
    void bind(final DataTableSpec spec) throws InvalidSettingsException {
        columnIndex = new int[parts.size()];
        for (int k = 0; k < parts.size(); k++) {
            Part p = parts.get(k);
            columnIndex[k] = -1;
            if (p.placeholder() && !p.text().equalsIgnoreCase("rowid")) {
                columnIndex[k] = spec.findColumnIndex(p.text());
                if (columnIndex[k] < 0) {
                    throw new InvalidSettingsException("File name pattern refers to column {" + p.text()
                        + "}, which the input table does not have; use {rowid} or one of: "
                        + String.join(", ", spec.getColumnNames()));
                }
            }
        }
    }

    /** The file name (without extension) for a row; {@link #bind} first. */
    String nameFor(final DataRow row) throws InvalidSettingsException {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < parts.size(); k++) {
            Part p = parts.get(k);
            if (!p.placeholder()) {
                b.append(p.text());
            } else if (columnIndex[k] < 0) {
                b.append(row.getKey().getString());
            } else {
                DataCell c = row.getCell(columnIndex[k]);
                if (c.isMissing()) {
                    throw new InvalidSettingsException("Row " + row.getKey() + ": column '" + p.text()
                        + "' used in the file name pattern is missing");
                }
                b.append(c.toString());
            }
        }
        String name = b.toString().strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\")) {
            throw new InvalidSettingsException("Row " + row.getKey() + ": file name pattern gives '" + name
                + "', which is not a plain file name");
        }
        return name;
    }
}
