package fr.opaline.ins.cog;

import java.util.List;
import java.util.Map;

/** What an import brought: rows per source, events, and the files it did not recognise. */
public record CogImportReport(Map<String, Integer> placesBySource, int events, List<String> ignoredFiles) {

    public CogImportReport {
        placesBySource = Map.copyOf(placesBySource);
        ignoredFiles = List.copyOf(ignoredFiles);
    }

    public int places() {
        return placesBySource.values().stream().mapToInt(Integer::intValue).sum();
    }
}
