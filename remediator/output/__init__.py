"""Write out: the changes of a run as one git-style patch (``patch``), changelog entries
(``changelog``), atomic file writes (``files``) and reports for people and machines (``report``)."""
