package fr.opaline.core.catalogue;

/** An act of the CCAM as imported from an extract: its code (see {@link CcamCode}) and its label. */
public record CcamAct(String code, String label) {
}
