/**
 * The received documents' area: the MSSanté integration worklist (attach, reject with the MDN)
 * and the manual import of an IHE_XDM.zip, over the mss module's inbound integration.
 */
package fr.opaline.server.inbox;
