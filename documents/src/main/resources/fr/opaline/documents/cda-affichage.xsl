<?xml version="1.0" encoding="UTF-8"?>
<!-- Opaline's default CDA view: header summary, then the narrative of every section. The PDF
     copy is shown by the application itself before this view (SC.CDA/VISU.01/03). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:cda="urn:hl7-org:v3"
                exclude-result-prefixes="cda">
  <xsl:output method="html" encoding="UTF-8" indent="yes"/>
  <xsl:template match="/cda:ClinicalDocument">
    <html lang="fr">
      <head><meta charset="UTF-8"/><title><xsl:value-of select="cda:title"/></title></head>
      <body>
        <h1><xsl:value-of select="cda:title"/></h1>
        <p>
          Patient : <xsl:value-of select="cda:recordTarget/cda:patientRole/cda:patient/cda:name/cda:family[@qualifier='BR']"/>
          <xsl:text> </xsl:text>
          <xsl:value-of select="cda:recordTarget/cda:patientRole/cda:patient/cda:name/cda:given[@qualifier='BR']"/>
        </p>
        <p>Auteur : <xsl:value-of select="cda:author/cda:assignedAuthor/cda:assignedPerson/cda:name/cda:given"/>
          <xsl:text> </xsl:text><xsl:value-of select="cda:author/cda:assignedAuthor/cda:assignedPerson/cda:name/cda:family"/></p>
        <xsl:apply-templates select="cda:component/cda:structuredBody/cda:component/cda:section"/>
        <xsl:if test="cda:component/cda:nonXMLBody">
          <p>Document non structuré (PDF intégré).</p>
        </xsl:if>
      </body>
    </html>
  </xsl:template>
  <xsl:template match="cda:section">
    <section>
      <h2><xsl:value-of select="cda:title"/></h2>
      <xsl:apply-templates select="cda:text"/>
      <xsl:apply-templates select="cda:component/cda:section"/>
    </section>
  </xsl:template>
  <xsl:template match="cda:text"><div><xsl:apply-templates/></div></xsl:template>
  <xsl:template match="cda:paragraph"><p><xsl:apply-templates/></p></xsl:template>
  <xsl:template match="cda:br"><br/></xsl:template>
  <xsl:template match="cda:table"><table border="1"><xsl:apply-templates/></table></xsl:template>
  <xsl:template match="cda:thead|cda:tbody|cda:tr|cda:th|cda:td">
    <xsl:element name="{local-name()}"><xsl:apply-templates/></xsl:element>
  </xsl:template>
  <xsl:template match="cda:linkHtml"><a href="{@href}"><xsl:apply-templates/></a></xsl:template>
  <xsl:template match="cda:list"><ul><xsl:apply-templates/></ul></xsl:template>
  <xsl:template match="cda:item"><li><xsl:apply-templates/></li></xsl:template>
  <xsl:template match="cda:renderMultiMedia">[PDF intégré]</xsl:template>
</xsl:stylesheet>
