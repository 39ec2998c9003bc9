/**
 * Plumbing written once for every module: hardened XML parsing, SOAP 1.2, TLS material and
 * certificates, the HTTP server scaffolding (Jetty 12). No domain rule lives here, and nothing here
 * imports another Opaline module.
 */
package fr.opaline.platform;
