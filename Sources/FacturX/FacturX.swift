/// Factur-X: PDF/A-3 invoices with the CII XML embedded — writing, reading back and checking.
public enum FacturX {}
