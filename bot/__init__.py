"""fou-bot: answers about social-services FoU documents, with cited sources."""
