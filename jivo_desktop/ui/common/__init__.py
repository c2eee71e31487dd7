"""What every page uses: plain-text labels (``plain``), texts that fit (``fit``), the colours
and style sheet (``style``), painted icons, the red problem bar, the not-built-yet page."""
