package fr.opaline.core.catalogue;

import java.util.List;

/**
 * What an import of a CCAM extract did: the acts read (distinct codes), how many were new, and
 * the exam types that took a new code ("CT-THX → ZBQH001").
 */
public record CcamImport(int acts, int added, List<String> examsMapped) {
}
