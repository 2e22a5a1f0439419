"""CVs the career-coach tests use (written for the tests; the eval's CVs live in evals/datasets/profiles.yaml)."""

SOC_CV = """JORDAN M. — SOC Analyst II
Experience
• SOC Analyst II, Northbank Financial (2021–present)
  - Triage alerts in Splunk; incident response lead for phishing cases
  - Threat intelligence feeds and IOC enrichment
Certs: CompTIA Security+
Skills: SIEM, IR, Python, Azure
"""

ML_CV = """Priya S. · Machine Learning Engineer
2019–2025 Senior ML Engineer, Loomwise Retail
  * Built forecasting models in PyTorch; deployed with MLflow (MLOps pipelines) on k8s
  * Model evaluation and data pipelines in SQL and Python
Tools: Python, PyTorch, Docker, AWS
"""

GRC_CV = """GRC Analyst — Westholm Bank (2020–present)
• Led ISO 27001 audits and SOC 2 Type II evidence collection
• Vendor risk assessments; wrote information security policies
Certifications: CISA, CRISC
"""

NO_PATH_CV = """Network engineer, 10 years. Cisco routing and switching, firewalls, VPNs. Some AWS networking."""
