package org.footdrop.intake.diagnosis;

/** VOIDED = entered in error; final. Nothing is ever physically deleted. */
enum RecordStatus { ACTIVE, VOIDED }
