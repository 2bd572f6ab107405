package org.mrisr.knimeshim.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ShimHeadless;
import org.knime.core.node.ShimNodeCreation;
import org.knime.filehandling.core.connections.FSCategory;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.filehandling.core.defaultnodesettings.status.DefaultStatusMessage;
import org.knime.filehandling.core.defaultnodesettings.status.NodeModelStatusConsumer;
import org.knime.filehandling.core.defaultnodesettings.status.PriorityStatusConsumer;
import org.knime.filehandling.core.defaultnodesettings.status.StatusMessage;
import org.knime.filehandling.core.defaultnodesettings.status.StatusMessage.MessageType;
import org.knime.filehandling.core.port.FileSystemPortObject;

/** Status messages: priorities, the node model consumer, and the messages the file chooser reports. */
class StatusMessagesTest {
    @TempDir
    Path m_tmp;

    @Test
    void errorsOutrankWarningsOutrankInfos() {
        PriorityStatusConsumer c = new PriorityStatusConsumer();
        c.accept(DefaultStatusMessage.mkInfo("info %d", 1));
        c.accept(DefaultStatusMessage.mkWarning("warning"));
        assertEquals("warning", c.get().orElseThrow().getMessage());
        c.accept(StatusMessage.error("error"));
        assertEquals(MessageType.ERROR, c.get().orElseThrow().getType());
        c.clear();
        assertEquals(Optional.empty(), c.get());
        assertEquals("[Type: INFO, Message: info 1]", DefaultStatusMessage.mkInfo("info %d", 1).toString());
    }

    @Test
    void nodeModelConsumerPassesTheTopMessageOfItsTypesOnceAndForgets() {
        NodeModelStatusConsumer c = new NodeModelStatusConsumer(EnumSet.of(MessageType.WARNING));
        c.accept(StatusMessage.error("an error the node does not want"));
        c.accept(DefaultStatusMessage.mkWarning("first"));
        List<String> set = new ArrayList<>();
        c.setWarningsIfRequired(set::add);
        c.setWarningsIfRequired(set::add);
        assertEquals(List.of("first"), set);
    }

    @Test
    void aNodeShowsTheUnexecutedConnectorWarningAndFailsWithoutConnection() throws Exception {
        PathListerNodeFactory f = new PathListerNodeFactory();
        PathListerNodeModel model = ShimNodeCreation.createNodeModel(f,
            ShimNodeCreation.withPort(f, PathListerNodeFactory.FS_GROUP, FileSystemPortObject.TYPE));
        model.input().setPath("/scans/a.nii");
        try (ShimConnector zip = ShimConnector.zip(m_tmp.resolve("z.zip"))) {
            ShimHeadless.configure(model, zip.configuredSpec());
            assertEquals("No connection available. Execute the connector node first.", ShimHeadless.warningMessage(model));
            ShimHeadless.configure(model, zip.spec());
            assertNull(ShimHeadless.warningMessage(model));
        }
    }

    @Test
    void configureFailsWithKnimesMessagesForBadLocations() throws Exception {
        PathListerNodeModel model = ShimNodeCreation.createNodeModel(new PathListerNodeFactory());
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> ShimHeadless.configure(model));
        assertEquals("Please specify a file", e.getMessage());
        model.input().setLocation(new FSLocation(FSCategory.LOCAL, " /data/a.nii"));
        e = assertThrows(InvalidSettingsException.class, () -> ShimHeadless.configure(model));
        assertEquals("The path contains leading and/or trailing whitespaces, please remove them", e.getMessage());
        model.input().setLocation(new FSLocation(FSCategory.HUB_SPACE, "*space", "/a.nii"));
        e = assertThrows(InvalidSettingsException.class, () -> ShimHeadless.configure(model));
        assertEquals("No Hub Space selected", e.getMessage(), "as in KNIME: setting a location keeps the space setting");
        model.input().setLocation(new FSLocation(FSCategory.LOCAL, Files.createFile(m_tmp.resolve("a.nii")).toString()));
        ShimHeadless.configure(model);
        assertEquals(MessageType.INFO, model.input().getStatusMessage().getType(), "the file exists: no problem");
        model.input().setPath(m_tmp.resolve("b.nii").toString());
        assertEquals("The specified file " + m_tmp.resolve("b.nii") + " does not exist.",
            model.input().getStatusMessage().getMessage());
    }
}
