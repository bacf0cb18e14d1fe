package org.footdrop.contract.vocabulary;

public enum EnergyModality {
    LASER,
    SHOCKWAVE,
    ELECTRICAL_STIMULATION,
    PULSED_ELECTROMAGNETIC_FIELD,
    ULTRASOUND,
    OTHER
}
