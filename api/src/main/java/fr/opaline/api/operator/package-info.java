/** Arguments and results of the operator area ({@link fr.opaline.api.OperatorApi}). */
package fr.opaline.api.operator;
