/**
 * The patient record's areas beyond core: identity (INSi), DMP (DICA, consent, break-glass,
 * consultation) and documents, served over the ins, dmp and core services of the practice server.
 */
package fr.opaline.server.record;
