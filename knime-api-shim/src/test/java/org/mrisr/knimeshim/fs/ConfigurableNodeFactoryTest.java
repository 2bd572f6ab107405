package org.mrisr.knimeshim.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataRow;
import org.knime.core.data.LongValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ShimHeadless;
import org.knime.core.node.ShimNodeCreation;
import org.knime.core.node.context.ModifiableNodeCreationConfiguration;
import org.knime.core.node.context.ports.ExtendablePortGroup;
import org.knime.core.node.context.ports.ModifiablePortsConfiguration;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortType;
import org.knime.filehandling.core.connections.FSCategory;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.filehandling.core.data.location.FSLocationValue;
import org.knime.filehandling.core.defaultnodesettings.filtermode.SettingsModelFilterMode.FilterMode;
import org.knime.filehandling.core.port.FileSystemPortObject;

/** A configurable node with and without its optional file system port, run end to end on the zip file system. */
class ConfigurableNodeFactoryTest {
    @TempDir
    Path m_tmp;

    private final PathListerNodeFactory m_factory = new PathListerNodeFactory();

    @Test
    void withoutTheOptionalPortTheNodeHasNoInput() {
        ModifiableNodeCreationConfiguration cfg = m_factory.createNodeCreationConfig();
        ModifiablePortsConfiguration ports = cfg.getPortConfig().orElseThrow();
        assertEquals(List.of(PathListerNodeFactory.FS_GROUP, "Paths"), ports.getPortGroupNames());
        assertArrayEquals(new PortType[0], ports.getInputPorts());
        assertArrayEquals(new PortType[]{BufferedDataTable.TYPE}, ports.getOutputPorts());
        assertNull(ports.getInputPortLocation().get(PathListerNodeFactory.FS_GROUP), "an empty group has no location");
        assertArrayEquals(new int[]{0}, ports.getOutputPortLocation().get("Paths"));
        ExtendablePortGroup fs = ports.getExtendablePorts().get(PathListerNodeFactory.FS_GROUP);
        assertTrue(fs.canAddPort());
        assertArrayEquals(new PortType[]{FileSystemPortObject.TYPE}, fs.getSupportedPortTypes());
        assertThrows(UnsupportedOperationException.class, fs::getOutputPorts, "an input group");

        assertThrows(UnsupportedOperationException.class, m_factory::createNodeModel, "as KNIME's factory");
        PathListerNodeModel model = ShimNodeCreation.createNodeModel(m_factory);
        assertEquals(0, ShimHeadless.inPorts(model));
        assertEquals(1, ShimHeadless.outPorts(model));
    }

    @Test
    void withTheOptionalPortTheConnectionIsInputZero() {
        ModifiableNodeCreationConfiguration cfg =
            ShimNodeCreation.withPort(m_factory, PathListerNodeFactory.FS_GROUP, FileSystemPortObject.TYPE);
        ModifiablePortsConfiguration ports = cfg.getPortConfig().orElseThrow();
        assertArrayEquals(new PortType[]{FileSystemPortObject.TYPE}, ports.getInputPorts());
        assertArrayEquals(new int[]{0}, ports.getInputPortLocation().get(PathListerNodeFactory.FS_GROUP));
        assertFalse(ports.getExtendablePorts().get(PathListerNodeFactory.FS_GROUP).canAddPort(), "optional: one port");
        PathListerNodeModel model = ShimNodeCreation.createNodeModel(m_factory, cfg);
        assertEquals(1, ShimHeadless.inPorts(model));
        assertEquals(FSCategory.CONNECTED, model.input().getLocation().getFSCategory());
        assertThrows(IllegalArgumentException.class,
            () -> ShimNodeCreation.withPort(m_factory, "Paths", BufferedDataTable.TYPE), "a fixed group");
    }

    @Test
    void builderRejectsWhatKnimesRejects() {
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class, () -> new TestFactory() {
            @Override
            void build(final PortsConfigurationBuilder b) {
                b.addFixedInputPortGroup("in", BufferedDataTable.TYPE);
                b.addOptionalInputPortGroup("in", FileSystemPortObject.TYPE);
            }
        }.createNodeCreationConfig());
        assertEquals("A port group with the given name already exists", dup.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> new TestFactory() {
            @Override
            void build(final PortsConfigurationBuilder b) {
                b.addOptionalInputPortGroup("fs");
            }
        }.createNodeCreationConfig());
        assertEquals("The optional ports have to contain at least one element", none.getMessage());
    }

    @Test
    void theNodeReadsThroughTheConnectedZipFileSystem() throws Exception {
        try (ShimConnector zip = ShimConnector.zip(m_tmp.resolve("data.zip"))) {
            FsTestSupport.scans(zip.connection().getFileSystem().getPath("/scans"));
            PathListerNodeModel model = ShimNodeCreation.createNodeModel(m_factory,
                ShimNodeCreation.withPort(m_factory, PathListerNodeFactory.FS_GROUP, FileSystemPortObject.TYPE));
            model.input().getFilterModeModel().setFilterMode(FilterMode.FILES_IN_FOLDERS);
            model.input().setPath("/scans");
            FsTestSupport.filterExtensions(model.input(), "nii;nii.gz");
            ShimHeadless.loadSettings(model, ShimHeadless.saveSettings(model));
            ShimHeadless.configure(model, zip.spec());
            PortObject[] out = ShimHeadless.execute(model, ShimHeadless.executionContext(), zip.portObject());
            List<String> rows = new ArrayList<>();
            for (DataRow r : (BufferedDataTable)out[0]) {
                FSLocation loc = ((FSLocationValue)r.getCell(0)).getFSLocation();
                rows.add(loc.getFileSystemCategory() + " " + loc.getFileSystemSpecifier().orElse("") + " "
                    + loc.getPath() + " " + ((LongValue)r.getCell(1)).getLongValue());
            }
            assertEquals(List.of("CONNECTED shim-zip:data.zip /scans/a.nii 5",
                "CONNECTED shim-zip:data.zip /scans/b.nii.gz 8"), rows);
            assertNull(ShimHeadless.warningMessage(model));
        }
    }

    /** The test reader with port groups a test builds. */
    private abstract static class TestFactory extends PathListerNodeFactory {
        abstract void build(PortsConfigurationBuilder b);

        @Override
        protected Optional<PortsConfigurationBuilder> createPortsConfigBuilder() {
            PortsConfigurationBuilder b = new PortsConfigurationBuilder();
            build(b);
            return Optional.of(b);
        }
    }
}
